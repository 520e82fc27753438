namespace FootDrop.Bot.Storage;

/// <summary>A store that can drop conversation state nobody has written for a while.</summary>
public interface IConversationStateExpiry
{
    /// <summary>Deletes conversation-scoped items (see <see cref="StateKeys.IsConversationScoped"/>) last written before <paramref name="cutoff"/>.</summary>
    /// <returns>How many items were deleted.</returns>
    Task<int> DeleteConversationStateWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>
/// A store that knows when a user was last seen (their user state written, or <see cref="MarkUserSeenAsync"/>) and can
/// drop the user state of the users of some channels gone for a while: the expiry of anonymous web users.
/// </summary>
public interface IUserStateExpiry
{
    /// <summary>
    /// Notes that the user of <paramref name="userStateKey"/> is here now, so their state does not expire while they
    /// come back without changing it. Writes at most once per <see cref="SeenResolution"/> per user, so calling it on
    /// every page load costs a read.
    /// </summary>
    Task MarkUserSeenAsync(string userStateKey, CancellationToken cancellationToken);

    /// <summary>Deletes the user state, on <paramref name="channelIds"/> only, last written or seen before <paramref name="cutoff"/>.</summary>
    /// <returns>The keys deleted.</returns>
    Task<IReadOnlyList<string>> DeleteUserStateWrittenBeforeAsync(IReadOnlyCollection<string> channelIds, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>How stale a "last seen" may get before <see cref="MarkUserSeenAsync"/> writes it again.</summary>
    public static TimeSpan SeenResolution => TimeSpan.FromHours(1);
}
