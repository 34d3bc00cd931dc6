// The seat map needs the SVG's position on screen to turn mouse positions into plan coordinates.
export function bounds(element) {
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
}
