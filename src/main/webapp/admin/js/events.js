// Live updates: the server's Server-Sent Events stream (GET /api/events) says when a case changed or a mail
// arrived, and the open view refreshes itself. The stream comes with the session cookie (same origin). Where the
// server has no stream (404) or the session ended (401), EventSource closes for good: nothing else happens, the
// views still load fresh data on every navigation. A dropped connection is retried by EventSource itself.

const EVENTS = ['case-changed', 'message-received', 'comment-received', 'comment-moderated'];

/** Opens the stream; refresh(eventName, data) runs on each event. Returns a function that closes it. */
export function startLiveUpdates(refresh) {
  if (typeof EventSource === 'undefined') {
    return () => {};
  }
  const source = new EventSource('/api/events');
  EVENTS.forEach((name) => {
    source.addEventListener(name, (event) => {
      let data = null;
      try {
        data = event.data ? JSON.parse(event.data) : null;
      } catch (e) {
        data = event.data;
      }
      refresh(name, data);
    });
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      source.close();
    }
  });
  return () => source.close();
}
