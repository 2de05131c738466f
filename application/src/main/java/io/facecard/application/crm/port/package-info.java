/** CRM sync's ports: {@link io.facecard.application.crm.port.CrmEvents} (published: other contexts report what happened), its tables and the HTTP it posts with. */
package io.facecard.application.crm.port;
