/**
 * Platform plumbing every capability relies on: the embedded or external PostgreSQL, the clock,
 * locale resolution and the one place where errors become RFC 9457 problem details.
 * See docs/adr/001-platform-module.md for why this module exists beside the business modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xinfang.platform;
