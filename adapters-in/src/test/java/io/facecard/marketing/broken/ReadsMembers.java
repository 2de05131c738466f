package io.facecard.marketing.broken;

/** Breaks "marketing sees other contexts only through its ports" on purpose: see BrokenExamplesTest. */
class ReadsMembers {
    io.facecard.application.membership.Members members;
}
