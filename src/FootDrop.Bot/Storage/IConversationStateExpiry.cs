namespace FootDrop.Bot.Storage;

/// <summary>A store that can drop conversation state nobody has written for a while.</summary>
public interface IConversationStateExpiry
{
    /// <summary>Deletes conversation-scoped items (see <see cref="StateKeys.IsConversationScoped"/>) last written before <paramref name="cutoff"/>.</summary>
    /// <returns>How many items were deleted.</returns>
    Task<int> DeleteConversationStateWrittenBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
