using System.Text;

namespace FootDrop.Bot.Reminders;

/// <summary><c>GET /api/reminders/calendar/{token}</c>: the .ics file of the schedule a signed link names, while it is current.</summary>
public static class CalendarEndpoint
{
    public static async Task<IResult> GetAsync(string token, CalendarLinks links, ReminderAccessor reminders, CalendarFile calendar, CancellationToken cancellationToken)
    {
        if (links.Validate(token) is not { } grant)
        {
            return Results.Problem("This calendar link is not valid or has expired. Ask the bot for your reminders again to get a new one.", statusCode: StatusCodes.Status404NotFound);
        }

        var schedule = await reminders.PeekScheduleAsync(grant.ChannelId, grant.UserId, cancellationToken);
        if (schedule is null || schedule.Version != grant.Version)
        {
            // Changed, stopped or deleted since the link was made: nothing of it is given out any more.
            return Results.Problem("This reminder has been changed or stopped since the link was made.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.File(Encoding.UTF8.GetBytes(calendar.Write(schedule)), CalendarFile.ContentType, "foot-exercises.ics");
    }
}
