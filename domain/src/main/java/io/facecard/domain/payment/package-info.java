/** The payment context's values: providers and the rules a payment refusal names. */
package io.facecard.domain.payment;
