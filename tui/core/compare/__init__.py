"""The text beside itself: the other script aligned, regional words, converted chunks as shown."""
