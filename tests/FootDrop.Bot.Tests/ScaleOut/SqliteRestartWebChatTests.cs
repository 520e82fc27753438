using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Bot.Tests.Storage.Support;
using static FootDrop.Bot.Tests.Infrastructure.DirectLineClient;

namespace FootDrop.Bot.Tests.ScaleOut;

/// <summary>
/// The default deployment: one instance with SQLite and no signing key set. A web chat goes on across a restart of
/// that instance: its token still works (the key was kept in the database), its conversation and history are there,
/// and a reload resumes it.
/// </summary>
public sealed class SqliteRestartWebChatTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_web_chat_goes_on_after_the_single_instance_restarts_in_the_middle_of_an_exercise()
    {
        var script = WebChatScript.ToTheEnd;
        WebChatPage page;
        Kept kept;
        var turn = 0;
        using (var before = Start())
        {
            page = await WebChatPage.OpenAsync(tokenFrom: before, startOn: before);
            await page.ExpectAsync("Hi, I'm FootDrop.Bot");
            for (; turn < 11; turn++)
            {
                await page.SayAsync(before, script[turn].Say);
                await page.ExpectAsync(script[turn].Expect);
            }

            kept = new Kept(page.Identity, page.Grant.ConversationId, page.Grant.Token);
        }

        await page.Stream.Closed.WaitAsync(TimeSpan.FromSeconds(15));
        using var after = Start();
        await page.ReconnectAsync(after);
        for (; turn < script.Count; turn++)
        {
            await page.SayAsync(after, script[turn].Say);
            await page.ExpectAsync(script[turn].Expect);
        }

        await page.DisposeAsync();
        var transcript = await page.TranscriptAsync(after);
        Assert.StartsWith("Hi, I'm FootDrop.Bot", transcript[0].Value<string>("text"));
        Assert.Equal(script.Count, transcript.Count(a => a["from"]!.Value<string>("role") == "user"));

        // A reload with what the browser kept resumes the same conversation for the same user.
        var reload = await new DirectLineClient(after.Http).LoadPageAsync(kept);
        Assert.True(reload.Resumed);
        Assert.Equal(kept.ConversationId, reload.Grant.ConversationId);
        Assert.Equal(page.Grant.UserId, reload.Grant.UserId);
    }

    [Fact]
    public async Task A_token_issued_before_a_restart_is_still_accepted_after_it()
    {
        Grant grant;
        using (var before = Start())
        {
            grant = await new DirectLineClient(before.Http).StartNewAsync();
        }

        using var after = Start();
        var post = await new DirectLineClient(after.Http).PostMessageAsync(grant, "what causes foot drop");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(await new DirectLineClient(after.Http).BotTextsAsync(grant), t => t.StartsWith("Common causes", StringComparison.Ordinal));
    }

    private BotApp Start() => new(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = _data.Path });
}
