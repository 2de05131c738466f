/** Shared by every context: who calls (operator, staff, terminal), their roles and the permits use cases check. */
package io.facecard.application.security;
