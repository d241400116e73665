package com.shopops.plugins.activities.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.shopops.plugins.activities.analysis.Campaign.Kind;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusPipelineTest {

    @Test
    void aPlatformCampaignGoesThroughRegistrationAndReview() {
        CampaignStatus[] path = {CampaignStatus.PLANNED, CampaignStatus.REGISTERED, CampaignStatus.APPROVED, CampaignStatus.LIVE,
            CampaignStatus.ENDED, CampaignStatus.REVIEWED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.PLATFORM, path[i], path[i + 1]), path[i] + " → " + path[i + 1]);
        }
        assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.REGISTERED, CampaignStatus.REJECTED));
        assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.REJECTED, CampaignStatus.PLANNED),
                "a rejected campaign can be planned for the next round");
        assertEquals(EnumSet.noneOf(CampaignStatus.class), StatusPipeline.next(Kind.PLATFORM, CampaignStatus.REVIEWED));
    }

    @Test
    void illegalMovesAreRefusedWithWhatIsAllowed() {
        assertEquals(Optional.of("a platform campaign cannot go from planned to live; from planned it can go to registered"),
                StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.PLANNED, CampaignStatus.LIVE));
        assertEquals(Optional.of("a platform campaign cannot go from registered to live; from registered it can go to approved or rejected"),
                StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.REGISTERED, CampaignStatus.LIVE));
        assertEquals(Optional.of("a platform campaign cannot go from rejected to live; from rejected it can go to planned"),
                StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.REJECTED, CampaignStatus.LIVE));
        assertEquals(Optional.of("a platform campaign cannot go from reviewed to live; from reviewed it can go to nothing: "
                + "reviewed is the end of the pipeline"), StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.REVIEWED, CampaignStatus.LIVE));
        assertEquals(Optional.of("a platform campaign is live already"),
                StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.LIVE, CampaignStatus.LIVE));
        assertTrue(StatusPipeline.refusal(Kind.PLATFORM, CampaignStatus.ENDED, CampaignStatus.LIVE).isPresent(), "no going back");
    }

    @Test
    void theShopsOwnCampaignNeedsNoRegistration() {
        assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.OWN, CampaignStatus.PLANNED, CampaignStatus.LIVE));
        assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.OWN, CampaignStatus.LIVE, CampaignStatus.ENDED));
        assertEquals(Optional.empty(), StatusPipeline.refusal(Kind.OWN, CampaignStatus.ENDED, CampaignStatus.REVIEWED));
        assertEquals(Optional.of("the shop's own campaign is not registered with a platform, so it cannot be registered"),
                StatusPipeline.refusal(Kind.OWN, CampaignStatus.PLANNED, CampaignStatus.REGISTERED));
        assertEquals(Optional.of("the shop's own campaign is not registered with a platform, so it cannot be approved"),
                StatusPipeline.refusal(Kind.OWN, CampaignStatus.LIVE, CampaignStatus.APPROVED));
    }
}
