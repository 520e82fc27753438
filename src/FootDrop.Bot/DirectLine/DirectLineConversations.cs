using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The activity streams of the built-in Direct Line, in memory: each conversation keeps its latest activities (bounded)
/// and is forgotten when idle. Watermarks count every activity ever added, so dropping old ones never confuses a client.
/// </summary>
public sealed class DirectLineConversations(IOptions<WebChatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public string Start(string conversationId, string userId)
    {
        RemoveIdle();
        _conversations.TryAdd(conversationId, new Conversation(userId, time.GetUtcNow()));
        return conversationId;
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

        lock (conversation)
        {
            activity.Id = $"{conversationId}|{conversation.Next.ToString("D7", CultureInfo.InvariantCulture)}";
            activity.Timestamp ??= time.GetUtcNow();
            conversation.Activities.Add((conversation.Next, activity));
            conversation.Next++;
            conversation.LastActive = time.GetUtcNow();
            var excess = conversation.Activities.Count - options.Value.MaxHistory;
            if (excess > 0)
            {
                conversation.Activities.RemoveRange(0, excess);
            }
        }

        return true;
    }

    /// <summary>The activities after a watermark, and the new watermark; null if the conversation is gone.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark)? Read(string conversationId, long? watermark)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return null;
        }

        lock (conversation)
        {
            var after = watermark ?? -1;
            var activities = conversation.Activities.Where(a => a.Sequence > after).Select(a => a.Activity).ToList();
            return (activities, conversation.Next - 1);
        }
    }

    /// <summary>Counts a post against the conversation's rate limit; false when the minute's allowance is used up.</summary>
    public bool TryCountPost(string conversationId)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return false;
        }

        lock (conversation)
        {
            var now = time.GetUtcNow();
            conversation.RecentPosts.RemoveAll(t => now - t >= TimeSpan.FromMinutes(1));
            if (conversation.RecentPosts.Count >= options.Value.PostsPerMinute)
            {
                return false;
            }

            conversation.RecentPosts.Add(now);
            return true;
        }
    }

    /// <summary>Drops the stored transcript but keeps the conversation open, so the bot can still confirm the erase.</summary>
    public void ClearHistory(string conversationId)
    {
        if (Find(conversationId) is { } conversation)
        {
            lock (conversation)
            {
                conversation.Activities.Clear();
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
                _conversations.TryRemove(id, out _);
            }
        }
    }

    private Conversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (time.GetUtcNow() - conversation.LastActive > options.Value.ConversationIdleTimeout)
        {
            _conversations.TryRemove(conversationId, out _);
            return null;
        }

        return conversation;
    }

    private sealed class Conversation(string userId, DateTimeOffset started)
    {
        public string UserId { get; } = userId;

        public List<(long Sequence, Activity Activity)> Activities { get; } = [];

        public List<DateTimeOffset> RecentPosts { get; } = [];

        public long Next { get; set; }

        public DateTimeOffset LastActive { get; set; } = started;
    }
}
