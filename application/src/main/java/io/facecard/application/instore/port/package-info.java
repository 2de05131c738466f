/** Store analytics' ports out (its tables) and what they carry. */
package io.facecard.application.instore.port;
