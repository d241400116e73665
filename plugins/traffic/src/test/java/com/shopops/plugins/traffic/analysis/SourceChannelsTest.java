package com.shopops.plugins.traffic.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceChannelsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "手淘搜索, FREE",
            "手淘首页, FREE",
            "猜你喜欢, FREE",
            "直通车, PAID",
            "引力魔方, PAID",
            "淘宝客, PAID",
            // Contains 推荐 (recommendation, free) but is a paid product.
            "超级推荐, PAID",
            "聚划算, CAMPAIGN",
            "淘抢购, CAMPAIGN",
            "我的淘宝, DIRECT",
            "购物车, DIRECT",
            "直接访问, DIRECT",
            "淘外流量, EXTERNAL",
            "小红书, EXTERNAL",
            "淘宝直播, OTHER",
            "Organic Search, FREE",
            "Paid Search, PAID",
            "Google Ads, PAID",
            "Summer Campaign, CAMPAIGN",
            "Direct, DIRECT",
            "Email Newsletter, EXTERNAL",
            "Social, EXTERNAL",
            "Something new, OTHER",
            "Advertising, PAID",
            "Recommended for you, FREE",
            // Latin words match whole words only: these hold "ads", "seo", "cart" and "direct" inside other words.
            "Threads, OTHER",
            "Downloads page, OTHER",
            "Seoul blog, OTHER",
            "Cartoon site, OTHER",
            "Redirect, OTHER",
            // A word said twice: the name is still read, not refused.
            "Google Ads ads, PAID",
            "Search Search, FREE"
    })
    void commonSourceNamesAreGuessed(String source, Channel expected) {
        assertEquals(expected, SourceChannels.guess(source));
        assertEquals(expected, SourceChannels.channelOf(source, Map.of()));
    }

    @Test
    void anEmptyOrMissingNameIsOther() {
        assertEquals(Channel.OTHER, SourceChannels.guess(""));
        assertEquals(Channel.OTHER, SourceChannels.guess(null));
    }

    @Test
    void theShopsOwnMappingWinsOverTheGuess() {
        Map<String, Channel> own = Map.of("手淘搜索", Channel.PAID, "淘宝直播", Channel.CAMPAIGN);

        assertEquals(Channel.PAID, SourceChannels.channelOf("手淘搜索", own));
        assertEquals(Channel.CAMPAIGN, SourceChannels.channelOf("淘宝直播", own));
        assertEquals(Channel.PAID, SourceChannels.channelOf("直通车", own), "unmapped sources are still guessed");
    }

    @Test
    void channelNamesParseInAnyCase() {
        assertEquals(Channel.PAID, Channel.parse("paid"));
        assertEquals(Channel.EXTERNAL, Channel.parse(" External "));
        assertEquals(Channel.OTHER, Channel.parse("OTHER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "organic", "free traffic"})
    void unknownChannelNamesAreRefusedListingTheNames(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.parse(text));

        assertEquals("channel: one of free, paid, campaign, direct, external, other", e.getMessage());
    }

    @Test
    void aMissingChannelNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Channel.parse(null));
    }
}
