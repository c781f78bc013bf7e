"""What a value that is not valid was most likely meant to be: the tables and rules the suggestions in messages come from.

:mod:`.terms` reads vocabulary terms as people write them (legal bases as articles, rights in words), :mod:`.formats`
values of the named formats written another way (countries as names, dates, durations), and :mod:`.names` holds the
names of places and languages they use. Each is imported only when a message needs a suggestion: reading a valid
policy never loads them. Both the model's classes and the reader's messages use them, so a value gets the same
suggestion however it arrives.
"""
