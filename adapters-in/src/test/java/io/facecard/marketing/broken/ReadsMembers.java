package io.facecard.marketing.broken;

import io.facecard.application.membership.Members;

/** Breaks "marketing sees other contexts only through its ports" on purpose: see BrokenExamplesTest. */
class ReadsMembers {
    Members members;
}
