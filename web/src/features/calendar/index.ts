/** The calendar: posts by day in a month or week, rescheduled by dragging them to another day. */
export { CalendarPage } from './CalendarPage'
export { firstDayOfWeek, weekdayOrder } from './calendar-grid'
