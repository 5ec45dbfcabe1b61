// Deferred so that every class the entry point needs is defined first (BUNDLE modes load in order).
setTimeout(function() {
  var entry = new Entry();
  entry.onModuleLoad();
}, 0);
