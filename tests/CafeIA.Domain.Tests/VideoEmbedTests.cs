using CafeIA.Wire;
using static CafeIA.Domain.Tests.SessionFixture;

namespace CafeIA.Domain.Tests;

public sealed class VideoEmbedTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871")]
    [InlineData("https://www.dailymotion.com/video/x8abc12", "https://www.dailymotion.com/embed/video/x8abc12")]
    [InlineData("https://tube.example.fr/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "https://tube.example.fr/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d")]
    [InlineData("https://visio.example.gouv.fr/salle-cafe-ia", null)]
    public void Known_providers_are_embedded_and_others_linked(string url, string? embed) =>
        Assert.Equal(embed, VideoEmbed.View(url)!.EmbedUrl);

    [Theory]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("pas une adresse")]
    public void Only_https_addresses_are_accepted(string url)
    {
        var f = new SessionFixture();
        Refused(f.Session.SetVideo(f.Facilitator, url), RefusalCodes.Invalid);
        Assert.Null(Ok(f.Session.Snapshot(f.Alice)).Video);
    }

    [Fact]
    public void The_facilitator_attaches_and_removes_the_stream_for_everyone()
    {
        var f = new SessionFixture();
        Refused(f.Session.SetVideo(f.Alice, "https://youtu.be/dQw4w9WgXcQ"), RefusalCodes.Forbidden);
        Ok(f.Session.SetVideo(f.Facilitator, "https://youtu.be/dQw4w9WgXcQ"));
        Assert.IsType<VideoChanged>(Assert.Single(f.EventsFor(Audience.Participants)));
        Assert.Equal("https://youtu.be/dQw4w9WgXcQ", Ok(f.Session.Snapshot(f.Chloe)).Video!.Url);
        Ok(f.Session.SetVideo(f.Facilitator, null));
        Assert.Null(Ok(f.Session.Snapshot(f.Chloe)).Video);
    }
}
