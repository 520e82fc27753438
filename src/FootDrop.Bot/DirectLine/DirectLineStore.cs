using System.Text;
using FootDrop.Bot.Hosting;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.DirectLine;

/// <summary>What <see cref="IDirectLineStore.StartAsync"/> did.</summary>
public enum ConversationStart
{
    Started,
    Resumed,

    /// <summary>The cap on live conversations is reached; nothing was started.</summary>
    Full,
}

/// <summary>A live built-in conversation: who it belongs to, and whether "delete my data" was said in it.</summary>
public sealed record DirectLineConversation(string ConversationId, string UserId, bool Erased);

/// <summary>The JSON of the activities after a watermark, and the watermark to ask with next.</summary>
public sealed record ActivityPage(IReadOnlyList<byte[]> Activities, long Watermark);

/// <summary>
/// The conversations of the built-in Direct Line and their transcripts, kept where the bot state is (SQLite, PostgreSQL,
/// or memory for tests), so any instance serves any call and a restart loses nothing. Within a fixed budget: at most
/// <see cref="WebChatOptions.MaxConversations"/> live conversations, each keeping its latest activities up to
/// <see cref="WebChatOptions.MaxHistory"/> and <see cref="WebChatOptions.MaxHistoryBytes"/> (the newest always stays),
/// and all together at most <see cref="WebChatOptions.MaxTotalHistoryBytes"/>; a conversation idle for
/// <see cref="WebChatOptions.ConversationIdleTimeout"/> is gone. Watermarks count every activity ever added, so
/// dropping old ones never confuses a client, and an activity is visible to readers only once every earlier one is.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>Creates the tables if missing. Safe to call many times.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);

    /// <summary>Starts a conversation, or resumes it if it is live; refuses a new one when the cap is reached.</summary>
    Task<ConversationStart> StartAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The conversation if it is live; null if it never was or went idle.</summary>
    Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds activities in this order, giving each the stream's next id (<c>{conversation}|{sequence}</c>) and a
    /// timestamp if it has none; false if the conversation is gone.
    /// </summary>
    Task<bool> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// Over <see cref="WebChatOptions.MaxTotalHistoryBytes"/>: forgets idle conversations, then trims the largest
    /// histories. Called after each append, once the readers have been woken, so it never delays a reply.
    /// </summary>
    Task KeepWithinBudgetAsync(CancellationToken cancellationToken);

    /// <summary>The JSON of the activities after <paramref name="watermark"/> (all kept ones when null); null if the conversation is gone.</summary>
    Task<ActivityPage?> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken);

    /// <summary>
    /// "Delete my data": drops the transcript before <paramref name="keepFrom"/> (the sequence of the message that asked;
    /// <see cref="long.MaxValue"/> drops it all) and marks the conversation erased, so it is never resumed by a reload;
    /// it stays open, so the bot can still confirm the erase.
    /// </summary>
    Task EraseAsync(string conversationId, long keepFrom, CancellationToken cancellationToken);

    /// <summary>Whether a new conversation would be refused now.</summary>
    Task<bool> IsFullAsync(CancellationToken cancellationToken);

    /// <summary>When the cap is reached: how long until the first live conversation would go idle and free a place.</summary>
    Task<TimeSpan> RetryAfterWhenFullAsync(CancellationToken cancellationToken);

    /// <summary>Forgets idle conversations and their transcripts; returns how many went.</summary>
    Task<int> RemoveIdleAsync(CancellationToken cancellationToken);

    /// <summary>Live conversations.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>The bytes of every kept activity, overhead included.</summary>
    Task<long> HistoryBytesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A random key kept in the store, made by whichever instance asked first, for signing tokens when no
    /// <see cref="WebChatOptions.TokenSigningKey"/> is set; the same for every instance on this store and across restarts.
    /// </summary>
    Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken);
}

/// <summary>How activities are kept: as the UTF-8 JSON a client is sent, and what each costs against the byte budgets.</summary>
public static class DirectLineActivities
{
    /// <summary>
    /// What one kept activity costs besides its JSON: in memory, the array's header and the list entry holding it;
    /// in a database, its row. Counted with the JSON so the byte budgets mean the same everywhere.
    /// </summary>
    public const int EntryOverheadBytes = 48;

    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(MessagesEndpoint.SerializerSettings);
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static long Cost(byte[] json) => json.Length + EntryOverheadBytes;

    /// <summary>The stream's id of an activity: the conversation and a zero-padded sequence number.</summary>
    public static string Id(string conversationId, long sequence)
        => conversationId + "|" + sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sequence number in an id made by <see cref="Id"/> for this conversation; null for any other id.</summary>
    public static long? SequenceOf(string conversationId, string? id)
        => id is not null && id.Length > conversationId.Length + 1 && id.StartsWith(conversationId + "|", StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(conversationId.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;

    public static byte[] ToJson(Activity activity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, s_utf8, leaveOpen: true))
        {
            s_serializer.Serialize(writer, activity);
        }

        return buffer.ToArray();
    }

    /// <summary>The level L such that trimming every size above L down to L frees <paramref name="excess"/> (sizes in descending order).</summary>
    public static long Level(IReadOnlyList<long> sizes, long excess)
    {
        long sum = 0;
        for (var k = 1; k <= sizes.Count; k++)
        {
            sum += sizes[k - 1];
            var level = (sum - excess) / k;
            var next = k < sizes.Count ? sizes[k] : 0;
            if (level >= next)
            {
                return Math.Max(level, 0);
            }
        }

        return 0;
    }
}
