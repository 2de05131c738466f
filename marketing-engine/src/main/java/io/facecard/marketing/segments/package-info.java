/** Segments: condition trees over profile, consents, points, purchases and visits, validated node by node and compiled to SQL over read models built for them. A new segment rule is a new condition node here. */
package io.facecard.marketing.segments;
