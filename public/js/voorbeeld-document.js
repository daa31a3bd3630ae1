// On a narrow screen a chart keeps a readable width and scrolls sideways inside its own box;
// that box can then be reached with the keyboard (WCAG 2.1.1).
for (const svg of document.querySelectorAll('.figuur__svg')) {
  svg.tabIndex = 0;
}
