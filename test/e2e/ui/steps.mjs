// Runs on Node 20 (the UI runner): steps several UI suites share.

/** Opens `file`, selects line `line` with the keyboard, runs GradLens: Evaluate Selection, returns the notification. */
export async function evaluateThroughUi(wb, file, line, expect) {
  await wb.clearNotifications();
  await wb.openFile(file);
  await wb.goToLine(line);
  await wb.selectToLineEnd();
  await wb.runCommand("GradLens: Evaluate Selection");
  return wb.waitForNotification(expect);
}
