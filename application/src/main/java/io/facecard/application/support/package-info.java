/** Small shared helpers of use cases (values trusted for a short time per replica). */
package io.facecard.application.support;
