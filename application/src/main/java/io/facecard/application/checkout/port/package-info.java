/** Ports out of the checkout context: the read models the till's use cases look at. Adapters in adapters-out implement them. */
package io.facecard.application.checkout.port;
