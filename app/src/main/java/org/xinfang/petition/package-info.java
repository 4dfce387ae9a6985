/**
 * 信访事项: the petition aggregate and its lifecycle under the 《信访工作条例》 — registration, routing
 * (转送 / 交办 / 诉访分离 / 纪检监察), acceptance or decline, handling, extension, reply, 复查 and 复核 — with
 * its timeline, the statutory clocks it runs, and who may see it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Petition lifecycle")
package org.xinfang.petition;
