/**
 * CRM sync out: a tenant's webhook endpoints hear what happens to its members (registered, changed, erased, consents,
 * checkouts, points, offers, visits, alerts). Events become one delivery per subscribed endpoint, signed as Standard
 * Webhooks does it, tried again with backoff for a day, in order per member; personal data is added at sending time and
 * only for endpoints that chose it, so an erased member's pending deliveries carry nothing personal.
 */
package io.facecard.application.crm;
