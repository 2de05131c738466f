/** Ports out of the tenancy context: tenant directory and slugs, stores, terminals, staff accounts, operator credentials, access tokens, a leaving tenant's data. */
package io.facecard.tenants.tenancy.port;
