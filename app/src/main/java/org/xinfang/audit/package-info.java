/**
 * Audit: an append-only log of every change and every read of a case's detail (who, when, what, from
 * where), hash-chained with SM3 so that an edited, inserted or deleted entry is detected.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.xinfang.audit;
