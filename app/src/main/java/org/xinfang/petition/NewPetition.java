package org.xinfang.petition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A petition as received on a channel, already validated by intake: the petitioner and any
 * representatives are registered in the people module and referenced by id.
 *
 * @param receivingUnitId the unit that received it (首办: it stays responsible until it hands over)
 * @param registeredBy    the clerk's display name, or the channel for self-service submissions
 */
public record NewPetition(Channel channel, Instant receivedAt, UUID petitionerId, List<UUID> representativeIds,
        int headcount, PetitionType type, String category, String regionCode, String title, String content,
        boolean publicAllowed, boolean urgent, String channelDetailsJson, long receivingUnitId, String registeredBy) {
}
