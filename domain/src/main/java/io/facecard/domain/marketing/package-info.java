/** Campaigns: the marketer's decisions about one send (audience, message, offer, holdout, schedule) as an event-sourced aggregate. */
package io.facecard.domain.marketing;
