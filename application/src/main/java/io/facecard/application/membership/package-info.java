/** Port in of the membership context: members, consents, erasure and export, face enrolment and identification, and the values they exchange (member views, personal data, face settings). */
package io.facecard.application.membership;
