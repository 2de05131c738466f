/** Port in of the checkout context: the till's use cases (open, identify, redeem, complete, cancel; offline purchases, returns) and the self-validating requests they take. Orchestration only: the Checkout and BonusAccount aggregates decide. */
package io.facecard.application.checkout;
