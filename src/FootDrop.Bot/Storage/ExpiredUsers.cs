namespace FootDrop.Bot.Storage;

/// <summary>A web user whose user state the expiry of anonymous web users deleted.</summary>
public sealed record ExpiredWebUser(string ChannelId, string UserId);

/// <summary>
/// Something besides bot state that keeps data about web users (their reminders' jobs, say) and must forget it when their
/// user state expires. Register each as <c>services.AddSingleton&lt;IExpiredUserDataStore, MyStore&gt;()</c>; the
/// expiry of anonymous web users calls every one after deleting their user state. "Delete my data" is
/// <see cref="IUserDataStore"/>'s job.
/// </summary>
public interface IExpiredUserDataStore
{
    Task ForgetAsync(IReadOnlyList<ExpiredWebUser> users, CancellationToken cancellationToken);
}
