using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations in this process's memory: for <c>Storage:Provider=Memory</c> (tests), where
/// the bot state is lost at restart too. The budget is a budget of memory here: the bytes counted are the bytes held.
/// </summary>
public sealed class MemoryDirectLineStore(IOptions<WebChatOptions> options, TimeProvider time) : IDirectLineStore
{
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();
    private readonly Lock _evictLock = new();
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private long _historyBytes;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationStart> StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (Find(conversationId) is not null)
        {
            return Task.FromResult(ConversationStart.Resumed);
        }

        lock (_startLock)
        {
            if (_conversations.Count >= options.Value.MaxConversations)
            {
                RemoveIdle();
                if (_conversations.Count >= options.Value.MaxConversations)
                {
                    return Task.FromResult(ConversationStart.Full);
                }
            }

            return Task.FromResult(_conversations.TryAdd(conversationId, new Conversation(userId, time.GetUtcNow()))
                ? ConversationStart.Started
                : ConversationStart.Resumed);
        }
    }

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(Find(conversationId) is { } found ? new DirectLineConversation(conversationId, found.UserId, found.Erased) : null);

    public Task<bool> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return Task.FromResult(false);
        }

        var settings = options.Value;
        lock (conversation)
        {
            if (conversation.Removed)
            {
                return Task.FromResult(false);
            }

            foreach (var activity in activities)
            {
                activity.Id = DirectLineActivities.Id(conversationId, conversation.Next);
                activity.Timestamp ??= time.GetUtcNow();
                var json = DirectLineActivities.ToJson(activity);
                conversation.Activities.Add(new Entry(conversation.Next, json));
                conversation.Bytes += DirectLineActivities.Cost(json);
                Interlocked.Add(ref _historyBytes, DirectLineActivities.Cost(json));
                conversation.Next++;
            }

            conversation.LastActive = time.GetUtcNow();

            // The newest activity always stays, however large (a post is at most 256 KB), so its sender sees it.
            while (conversation.Activities.Count > 1 && (conversation.Activities.Count > settings.MaxHistory || conversation.Bytes > settings.MaxHistoryBytes))
            {
                DropOldest(conversation);
            }
        }

        return Task.FromResult(true);
    }

    public Task KeepWithinBudgetAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _historyBytes) > options.Value.MaxTotalHistoryBytes)
        {
            Evict();
        }

        return Task.CompletedTask;
    }

    public Task<ActivityPage?> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var conversation = Find(conversationId);
        if (conversation is null)
        {
            return Task.FromResult<ActivityPage?>(null);
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

            return Task.FromResult<ActivityPage?>(new ActivityPage(activities, conversation.Next - 1));
        }
    }

    public Task EraseAsync(string conversationId, long keepFrom, CancellationToken cancellationToken)
    {
        if (Find(conversationId) is { } conversation)
        {
            lock (conversation)
            {
                conversation.Erased = true;
                while (conversation.Activities.Count > 0 && conversation.Activities[0].Sequence < keepFrom)
                {
                    DropOldest(conversation);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsFullAsync(CancellationToken cancellationToken)
    {
        if (_conversations.Count < options.Value.MaxConversations)
        {
            return Task.FromResult(false);
        }

        RemoveIdle();
        return Task.FromResult(_conversations.Count >= options.Value.MaxConversations);
    }

    public Task<TimeSpan> RetryAfterWhenFullAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var idle = options.Value.ConversationIdleTimeout;
        var soonest = _conversations.Values.Select(c => c.LastActive + idle - now).DefaultIfEmpty(TimeSpan.Zero).Min();
        return Task.FromResult(soonest < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : soonest);
    }

    public Task<int> RemoveIdleAsync(CancellationToken cancellationToken) => Task.FromResult(RemoveIdle());

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(_conversations.Count);

    public Task<long> HistoryBytesAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Read(ref _historyBytes));

    /// <summary>Per process: memory storage is lost at restart, and so are the conversations tokens could name.</summary>
    public Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken) => Task.FromResult(_signingKey);

    private int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - options.Value.ConversationIdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastActive < cutoff && Remove(id, conversation))
            {
                removed++;
            }
        }

        return removed;
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

    private bool Remove(string conversationId, Conversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, Conversation>(conversationId, conversation)))
        {
            return false;
        }

        lock (conversation)
        {
            conversation.Removed = true;
            while (conversation.Activities.Count > 0)
            {
                DropOldest(conversation);
            }
        }

        return true;
    }

    /// <summary>Caller holds the conversation's lock.</summary>
    private void DropOldest(Conversation conversation)
    {
        var cost = DirectLineActivities.Cost(conversation.Activities[0].Json);
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
            if (Interlocked.Read(ref _historyBytes) <= target)
            {
                return;
            }

            RemoveIdle();
            var excess = Interlocked.Read(ref _historyBytes) - target;
            if (excess <= 0)
            {
                return;
            }

            var sizes = _conversations.Values.Select(c => (Conversation: c, Bytes: Volatile.Read(ref c.Bytes))).OrderByDescending(c => c.Bytes).ToList();
            var level = DirectLineActivities.Level([.. sizes.Select(s => s.Bytes)], excess);
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

    private readonly record struct Entry(long Sequence, byte[] Json);

    private sealed class Conversation(string userId, DateTimeOffset started)
    {
        public long Bytes;

        public string UserId { get; } = userId;

        public List<Entry> Activities { get; } = [];

        public long Next { get; set; }

        public DateTimeOffset LastActive { get; set; } = started;

        public bool Removed { get; set; }

        public bool Erased { get; set; }
    }
}
