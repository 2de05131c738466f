/** The one refusal model: a Refusal names the Rule that said no; each context declares its rules as an enum with a category, and adapters map categories to their protocol's status. */
package io.facecard.domain.refusal;
