using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Storage;

/// <summary>
/// Anonymous web users: people who chat through the web widget, known only by the random id their browser keeps.
/// Nobody can ask them anything after they leave, so their user state expires once they have been away for
/// <see cref="StorageOptions.WebUserIdleTimeout"/>. Everyone else (Teams) keeps theirs until they delete it.
/// </summary>
public static class WebUsers
{
    /// <summary>
    /// The channels of the web widget: the built-in Direct Line and Azure's Direct Line both say <c>directline</c>;
    /// <c>webchat</c> is Azure's own hosted Web Chat.
    /// </summary>
    public static IReadOnlyList<string> Channels { get; } = ["directline", "webchat"];

    public static bool IsWebChannel(string? channelId) => channelId is not null && Channels.Contains(channelId, StringComparer.Ordinal);

    /// <summary>True when the activity comes from an anonymous web user (whose data expires), false for Teams and the rest.</summary>
    public static bool IsAnonymousWebUser(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return IsWebChannel(activity.ChannelId);
    }
}

/// <summary>A web user whose user state the expiry deleted.</summary>
public sealed record ExpiredWebUser(string ChannelId, string UserId);

/// <summary>
/// Something besides bot state that keeps data about web users (reminders, say) and must forget it when their user
/// state expires. Register each as <c>services.AddSingleton&lt;IExpiredUserDataStore, MyStore&gt;()</c>; the expiry
/// service calls it after deleting the user state. "Delete my data" is <see cref="IUserDataStore"/>'s job.
/// </summary>
public interface IExpiredUserDataStore
{
    Task ForgetAsync(IReadOnlyList<ExpiredWebUser> users, CancellationToken cancellationToken);
}
