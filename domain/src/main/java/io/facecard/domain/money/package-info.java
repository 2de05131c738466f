/** Money as a value: an amount in a currency at that currency's scale. */
package io.facecard.domain.money;
