/**
 * Organisation: the territory tree (市 → 区县 → 乡镇街道 → 村社区, GB/T 2260-style codes), the functional
 * units at each level, staff accounts with roles and data scope, and authentication. The root package
 * is the module's API; everything else is package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation and access")
package org.xinfang.organization;
