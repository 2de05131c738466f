/** Local twins of the outside services, for the sandbox, the tests and the demo. */
package io.facecard.fakes;
