/** Attribution: what a campaign earned, measured against its holdout group, from receipts bound to members. */
package io.facecard.marketing.attribution;
