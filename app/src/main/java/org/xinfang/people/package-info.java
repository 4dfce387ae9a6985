/**
 * People: petitioners (信访人) and their representatives, and the protection of their personal data —
 * SM4-GCM encryption, HMAC-SM3 blind indexes for exact-match lookups, validated identity documents
 * and masking for display, following national commercial cryptography practice (商用密码).
 */
package org.xinfang.people;
