/** Campaigns: trigger, conditions, limits and effects (offers, coupons), holdout groups, and the delivery rules they obey (quiet hours, frequency caps). */
package io.facecard.marketing.campaigns;
