using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FootDrop.Bot.Hosting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace FootDrop.Bot.DirectLine;

/// <summary>What <see cref="DirectLineConversations.Start"/> did.</summary>
public enum ConversationStart
{
    Started,
    Resumed,

    /// <summary>The cap on live conversations is reached; nothing was started.</summary>
    Full,
}

/// <summary>
/// The activity streams of the built-in Direct Line, in memory, within a fixed budget: at most
/// <see cref="WebChatOptions.MaxConversations"/> live conversations, each keeping its latest activities up to
/// <see cref="WebChatOptions.MaxHistory"/> activities and <see cref="WebChatOptions.MaxHistoryBytes"/>, and all of
/// them together at most <see cref="WebChatOptions.MaxTotalHistoryBytes"/>. Idle conversations are forgotten.
/// Activities are kept as the UTF-8 JSON a client is sent, so a poll copies bytes instead of serialising the history
/// again, and the bytes counted are the bytes held. Watermarks count every activity ever added, so dropping old ones
/// never confuses a client.
/// </summary>
public sealed class DirectLineConversations(IOptions<WebChatOptions> options, TimeProvider time)
{
    /// <summary>
    /// What one kept activity costs besides its JSON: the array's header and the list entry holding it.
    /// Counted with the JSON so the byte budgets are budgets of memory.
    /// </summary>
    public const int EntryOverheadBytes = 48;

    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(MessagesEndpoint.SerializerSettings);
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();
    private readonly Lock _evictLock = new();
    private long _historyBytes;

    public int Count => _conversations.Count;

    /// <summary>The bytes of every kept activity, overhead included.</summary>
    public long HistoryBytes => Interlocked.Read(ref _historyBytes);

    /// <summary>Starts a conversation, or resumes it if it is live; refuses a new one when the cap is reached.</summary>
    public ConversationStart Start(string conversationId, string userId)
    {
        if (Find(conversationId) is not null)
        {
            return ConversationStart.Resumed;
        }

        lock (_startLock)
        {
            if (_conversations.Count >= options.Value.MaxConversations)
            {
                RemoveIdle();
                if (_conversations.Count >= options.Value.MaxConversations)
                {
                    return ConversationStart.Full;
                }
            }

            return _conversations.TryAdd(conversationId, new Conversation(userId, time.GetUtcNow()))
                ? ConversationStart.Started
                : ConversationStart.Resumed;
        }
    }

    /// <summary>Whether a new conversation would be refused now.</summary>
    public bool IsFull()
    {
        if (_conversations.Count < options.Value.MaxConversations)
        {
            return false;
        }

        RemoveIdle();
        return _conversations.Count >= options.Value.MaxConversations;
    }

    /// <summary>When the cap is reached: how long until the first live conversation would go idle and free a place.</summary>
    public TimeSpan RetryAfterWhenFull()
    {
        var now = time.GetUtcNow();
        var idle = options.Value.ConversationIdleTimeout;
        var soonest = _conversations.Values.Select(c => c.LastActive + idle - now).DefaultIfEmpty(TimeSpan.Zero).Min();
        return soonest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : soonest;
    }

    public bool Exists(string conversationId) => Find(conversationId) is not null;

    /// <summary>Adds an activity, giving it the stream's next id; false if the conversation is gone.</summary>
    public bool Append(string conversationId, Activity activity)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return false;
        }

        var settings = options.Value;
        lock (conversation)
        {
            if (conversation.Removed)
            {
                return false;
            }

            activity.Id = $"{conversationId}|{conversation.Next.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Timestamp ??= time.GetUtcNow();
            var json = ToJson(activity);
            conversation.Activities.Add(new Entry(conversation.Next, json));
            conversation.Bytes += Cost(json);
            Interlocked.Add(ref _historyBytes, Cost(json));
            conversation.Next++;
            conversation.LastActive = time.GetUtcNow();

            // The newest activity always stays, however large (a post is at most 256 KB), so its sender sees it.
            while (conversation.Activities.Count > 1 && (conversation.Activities.Count > settings.MaxHistory || conversation.Bytes > settings.MaxHistoryBytes))
            {
                DropOldest(conversation);
            }
        }

        if (HistoryBytes > settings.MaxTotalHistoryBytes)
        {
            Evict();
        }

        return true;
    }

    /// <summary>The JSON of the activities after a watermark, and the new watermark; null if the conversation is gone.</summary>
    public (IReadOnlyList<byte[]> Activities, long Watermark)? Read(string conversationId, long? watermark)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return null;
        }

        lock (conversation)
        {
            var after = watermark ?? -1;
            var activities = new List<byte[]>();
            foreach (var entry in conversation.Activities)
            {
                if (entry.Sequence > after)
                {
                    activities.Add(entry.Json);
                }
            }

            return (activities, conversation.Next - 1);
        }
    }

    /// <summary>Drops the stored transcript but keeps the conversation open, so the bot can still confirm the erase.</summary>
    public void ClearHistory(string conversationId)
    {
        if (Find(conversationId) is { } conversation)
        {
            lock (conversation)
            {
                while (conversation.Activities.Count > 0)
                {
                    DropOldest(conversation);
                }
            }
        }
    }

    public void RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.ConversationIdleTimeout;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastActive < cutoff)
            {
                Remove(id, conversation);
            }
        }
    }

    private static long Cost(byte[] json) => json.Length + EntryOverheadBytes;

    private static byte[] ToJson(Activity activity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, s_utf8, leaveOpen: true))
        {
            s_serializer.Serialize(writer, activity);
        }

        return buffer.ToArray();
    }

    private Conversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (time.GetUtcNow() - conversation.LastActive > options.Value.ConversationIdleTimeout)
        {
            Remove(conversationId, conversation);
            return null;
        }

        return conversation;
    }

    private void Remove(string conversationId, Conversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Conversation>(conversationId, conversation)))
        {
            return;
        }

        lock (conversation)
        {
            conversation.Removed = true;
            while (conversation.Activities.Count > 0)
            {
                DropOldest(conversation);
            }
        }
    }

    /// <summary>Caller holds the conversation's lock.</summary>
    private void DropOldest(Conversation conversation)
    {
        var cost = Cost(conversation.Activities[0].Json);
        conversation.Activities.RemoveAt(0);
        conversation.Bytes -= cost;
        Interlocked.Add(ref _historyBytes, -cost);
    }

    /// <summary>
    /// Over the total budget: idle conversations go first, then the largest histories give up their oldest activities
    /// until every one is at most the same level, so one heavy conversation cannot push out everyone else's replies.
    /// Frees a tenth more than needed, so this runs rarely rather than on every post at the limit.
    /// </summary>
    private void Evict()
    {
        lock (_evictLock)
        {
            var target = options.Value.MaxTotalHistoryBytes / 10 * 9;
            if (HistoryBytes <= target)
            {
                return;
            }

            RemoveIdle();
            var excess = HistoryBytes - target;
            if (excess <= 0)
            {
                return;
            }

            var sizes = _conversations.Values.Select(c => (Conversation: c, Bytes: Volatile.Read(ref c.Bytes))).OrderByDescending(c => c.Bytes).ToList();
            var level = Level(sizes.Select(s => s.Bytes).ToList(), excess);
            foreach (var (conversation, bytes) in sizes)
            {
                if (bytes <= level)
                {
                    break;
                }

                lock (conversation)
                {
                    while (conversation.Activities.Count > 0 && conversation.Bytes > level)
                    {
                        DropOldest(conversation);
                    }
                }
            }
        }
    }

    /// <summary>The level L such that trimming every size above L down to L frees <paramref name="excess"/> (sizes in descending order).</summary>
    private static long Level(List<long> sizes, long excess)
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

    private readonly record struct Entry(long Sequence, byte[] Json);

    private sealed class Conversation(string userId, DateTimeOffset started)
    {
        public long Bytes;

        public string UserId { get; } = userId;

        public List<Entry> Activities { get; } = [];

        public long Next { get; set; }

        public DateTimeOffset LastActive { get; set; } = started;

        public bool Removed { get; set; }
    }
}
