/** The one refusal model: a Refusal names the Rule that said no; each context declares its rules (slug and category) as constants of a class of its own, and adapters map categories to their protocol's status. */
package io.facecard.domain.refusal;
