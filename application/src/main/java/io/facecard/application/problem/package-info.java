/** Shared request validation: required and bounded text, turned into refusals. */
package io.facecard.application.problem;
