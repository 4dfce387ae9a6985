/**
 * The shared kernel: a few value types and the error vocabulary every module speaks. Kept tiny and
 * closed on purpose; nothing business-specific lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.xinfang.shared;
