/**
 * The biometrics context: what a face photo is worth (detection, quality, liveness, the embedding), the tenant's
 * gallery of templates and the search in it, and the settings that turn a distance into a decision. Membership
 * enrols and identifies members through the ports in {@code .port}; store analytics and watch lists are to use the
 * same ports, not membership.
 */
package io.facecard.application.biometrics;
