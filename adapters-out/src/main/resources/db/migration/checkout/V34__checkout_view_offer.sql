-- What GET /checkouts/{id} lacked: the offer discount applied (so it shows the due the apply answer showed), and
-- enough of the payments to show PAYING as the aggregate decides it (the status before paying, to return to when
-- every payment failed, and how many succeeded). Constant defaults or nullable: catalogue changes under a lock of
-- milliseconds, safe while tills run.
ALTER TABLE checkout_view ADD COLUMN offer_discount NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE checkout_view ADD COLUMN paying_from TEXT;
ALTER TABLE checkout_view ADD COLUMN payments_succeeded INT NOT NULL DEFAULT 0;
