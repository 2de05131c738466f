/** Port in of the tenancy context (its own hexagon, module tenants): onboarding, stores, terminals, staff, authentication and access. The Tenant aggregate lives in domain like every context's. */
package io.facecard.tenants.tenancy;
