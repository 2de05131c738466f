/** Port in of the loyalty context: balances, statements and adjustments, the tenant's program, idempotent calls, read-model rebuilds. */
package io.facecard.application.loyalty;
